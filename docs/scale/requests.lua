-- wrk script for docs/scale-benchmark.py: varies each request's parameters, so that no result
-- cache answers a repeated query, and prints one RESULT line with the percentiles.
--   wrk -t2 -c16 -d20s -s docs/scale/requests.lua http://127.0.0.1:8080 -- <kind> <auth> <max-id>
-- kind: live | ready | cases | mine | jsf-all | jsf-mine | similar | search
-- auth: "Bearer <token>" for the API, "Cookie: JSESSIONID=a,b,…" for pages (each request picks
--       one of the sessions: a person's requests queue behind each other in their session, so
--       one session for all 16 connections would measure that queue), "-" for none

local kind, auth, maxId
-- percent-encoded where not ASCII: wrk sends the path as it is
local words = {"Russland", "Nordkorea", "Abkommen", "Putin", "Kim", "Soldaten", "Munition",
  "Raketen", "Pj%C3%B6ngjang", "Moskau", "Verteidigung", "Ukraine", "Waffen", "Sanktionen",
  "Strompreis", "Miete", "Rente", "Lehrkr%C3%A4fte", "Unf%C3%A4lle", "Antr%C3%A4ge"}
local sorts = {"opened", "due", "priority", "status", "title"}

function init(args)
  kind = args[1]
  auth = args[2] or "-"
  maxId = tonumber(args[3] or "1000")
  math.randomseed(os.time() + (wrk.thread and tonumber(tostring(wrk.thread):match("0x(%x+)") or "0", 16) or 0))
end

local function pick(list)
  return list[math.random(#list)]
end

local function path()
  local limit = math.random(20, 60)
  if kind == "live" then
    return "/api/health/live"
  elseif kind == "ready" then
    return "/api/health/ready"
  elseif kind == "cases" then
    return string.format("/api/cases?queue=all&sort=%s&limit=%d", pick(sorts), limit)
  elseif kind == "mine" then
    return string.format("/api/cases?queue=mine&limit=%d", limit)
  elseif kind == "jsf-all" then
    return string.format("/cases/index.xhtml?queue=all&first=%d", 50 * math.random(0, 9))
  elseif kind == "jsf-mine" then
    return string.format("/cases/index.xhtml?queue=mine&first=%d", 50 * math.random(0, 9))
  elseif kind == "similar" then
    return string.format("/api/claims/%d/similar", math.random(1, maxId))
  elseif kind == "search" then
    return string.format("/api/search?q=%s&limit=%d", pick(words), math.random(10, 30))
  end
  error("unknown kind " .. tostring(kind))
end

function request()
  local headers = {}
  if auth ~= "-" then
    local name, value = auth:match("^([^:]+):%s*(.*)$")
    if auth:sub(1, 7) == "Bearer " then
      headers["Authorization"] = auth
    elseif name == "Cookie" then
      local sessions = {}
      for id in value:gsub("^JSESSIONID=", ""):gmatch("[^,]+") do
        sessions[#sessions + 1] = id
      end
      headers["Cookie"] = "JSESSIONID=" .. pick(sessions)
    elseif name then
      headers[name] = value
    end
  end
  return wrk.format("GET", path(), headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f errors=%d non2xx=%d p50=%.1f p95=%.1f p99=%.1f bytes=%d\n",
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.bytes / math.max(summary.requests, 1)))
end
