package org.claimdesk.platform.api;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the OpenAPI document from the resources' Java signatures, where Payara's scan stops
 * short: exact types (ids are 64-bit integers, dates are dates), the Bean Validation constraints
 * and required fields of every request record (Payara's own reading of them fails on records), the
 * query parameters of {@code @BeanParam} classes, one tag per feature package, no security on
 * {@link Public} operations, and the answers every client can get: the success status and, as
 * application/problem+json, 400, 401, 403, 404, 409, 413 and 415 where the operation's shape allows
 * them. Situational answers (201, 204, 422, 502, other media types) are declared on the methods.
 */
public class ApiDocument implements OASFilter {
  private static final Logger LOG = Logger.getLogger(ApiDocument.class.getName());
  private static final String PROBLEM = "#/components/schemas/Problem";

  private static final Map<String, String> FEATURES =
      Map.ofEntries(
          Map.entry("article", "Articles: import, reading text, revisions, claim suggestions"),
          Map.entry("claim", "Claims and claimants: capture, appearances, similar claims"),
          Map.entry("casework", "Cases: queues, assignment, notes, exports"),
          Map.entry("evidence", "Evidence, the source registry and attachments"),
          Map.entry("verdict", "Verdicts: proposal, review, publication, ClaimReview, scales"),
          Map.entry("audit", "The audit trail: search, timelines, verification, checkpoints"),
          Map.entry("identity", "Accounts and personal API tokens"),
          Map.entry("search", "Full-text search over articles and claims"),
          Map.entry("inbox", "Each person's inbox: assignments, mentions, review outcomes"),
          Map.entry("dashboard", "The desk's figures"),
          Map.entry("platform", "Health"));

  @Override
  public void filterOpenAPI(OpenAPI doc) {
    if (doc.getComponents() == null) {
      doc.setComponents(OASFactory.createComponents());
    }
    Set<Class<?>> records = new HashSet<>();
    Set<String> tags = new HashSet<>();
    JsonObject examples = examples();
    for (Class<?> resource : ApiResources.found()) {
      String feature = feature(resource);
      for (Method method : resource.getMethods()) {
        String verb = verb(method);
        if (verb == null) {
          continue;
        }
        String path = path(resource, method);
        PathItem item = doc.getPaths() == null ? null : doc.getPaths().getPathItem(path);
        Operation op =
            item == null ? null : item.getOperations().get(PathItem.HttpMethod.valueOf(verb));
        if (op == null) {
          LOG.warning(() -> "Not in the OpenAPI document: " + verb + " " + path);
          continue;
        }
        op.setTags(List.of(feature));
        tags.add(feature);
        boolean open = method.isAnnotationPresent(Public.class);
        if (open) {
          // an empty requirement: no credentials needed
          op.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        describeParameters(op, method);
        describeBody(op, resource, method, records);
        describeResponses(op, method, verb, open, records);
        if (examples.containsKey(op.getOperationId()) && op.getRequestBody() != null) {
          var json = op.getRequestBody().getContent().getMediaType(MediaType.APPLICATION_JSON);
          if (json != null) {
            json.setExample(plain(examples.get(op.getOperationId())));
          }
        }
      }
    }
    for (String tag : tags.stream().sorted().toList()) {
      Tag t = OASFactory.createTag().name(tag).description(FEATURES.get(tag));
      doc.addTag(t);
    }
    // the schemas of the records the operations read and answer, and nothing else
    Map<String, Schema> schemas = new java.util.TreeMap<>();
    Map<String, Class<?>> named = new HashMap<>();
    for (Class<?> record : records) {
      Class<?> other = named.putIfAbsent(record.getSimpleName(), record);
      if (other != null) {
        // a schema is named by its record's simple name: two would share one schema
        throw new IllegalStateException(
            "Two API records named " + record.getSimpleName() + ": " + other + ", " + record);
      }
      schemas.put(record.getSimpleName(), recordSchema(record));
    }
    schemas.put("Problem", problemSchema());
    doc.getComponents().setSchemas(schemas);
    tidy(doc);
  }

  /** Request bodies of the main workflow, by operationId; the document test validates them. */
  private static JsonObject examples() {
    try (InputStream in = ApiDocument.class.getResourceAsStream("examples.json");
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON-P values as the plain maps, lists and scalars the document writer understands. */
  private static Object plain(JsonValue v) {
    return switch (v.getValueType()) {
      case OBJECT -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
          fields.put(e.getKey(), plain(e.getValue()));
        }
        yield fields;
      }
      case ARRAY -> v.asJsonArray().stream().map(ApiDocument::plain).toList();
      case STRING -> ((JsonString) v).getString();
      case NUMBER -> ((JsonNumber) v).bigDecimalValue();
      case TRUE -> true;
      case FALSE -> false;
      case NULL -> null;
    };
  }

  // ---- operations ----------------------------------------------------------------------------

  private static String feature(Class<?> resource) {
    String[] parts = resource.getPackageName().split("\\.");
    return parts.length >= 3 ? parts[2] : "platform";
  }

  private static String verb(Method method) {
    for (Class<? extends Annotation> a :
        List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
      if (method.isAnnotationPresent(a)) {
        return a.getSimpleName();
      }
    }
    return null;
  }

  private static String path(Class<?> resource, Method method) {
    StringBuilder path = new StringBuilder("/api");
    append(path, resource.getAnnotation(Path.class).value());
    Path sub = method.getAnnotation(Path.class);
    if (sub != null) {
      append(path, sub.value());
    }
    // a template's regular expression ({id: \d+}) is not part of the documented path
    return path.toString().replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
  }

  private static void append(StringBuilder path, String segment) {
    String s = segment.replaceAll("^/+|/+$", "");
    if (!s.isEmpty()) {
      path.append('/').append(s);
    }
  }

  private static void describeParameters(Operation op, Method method) {
    for (Parameter p : method.getParameters()) {
      if (p.isAnnotationPresent(BeanParam.class)) {
        for (Field f : p.getType().getDeclaredFields()) {
          QueryParam q = f.getAnnotation(QueryParam.class);
          if (q != null) {
            parameter(op, q.value(), "query", f.getGenericType(), f, f.getType());
          }
        }
      } else if (p.isAnnotationPresent(QueryParam.class)) {
        parameter(
            op,
            p.getAnnotation(QueryParam.class).value(),
            "query",
            p.getParameterizedType(),
            p,
            p.getType());
      } else if (p.isAnnotationPresent(PathParam.class)) {
        parameter(
            op,
            p.getAnnotation(PathParam.class).value(),
            "path",
            p.getParameterizedType(),
            p,
            p.getType());
      }
    }
  }

  private static void parameter(
      Operation op, String name, String in, Type type, AnnotatedElement element, Class<?> raw) {
    org.eclipse.microprofile.openapi.models.parameters.Parameter param = null;
    if (op.getParameters() != null) {
      for (var existing : op.getParameters()) {
        if (name.equals(existing.getName()) && in.equals(existing.getIn().toString())) {
          param = existing;
        }
      }
    }
    if (param == null) {
      param =
          OASFactory.createParameter()
              .name(name)
              .in(
                  "path".equals(in)
                      ? org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH
                      : org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY);
      op.addParameter(param);
    }
    param.setRequired("path".equals(in) || isRequired(element));
    Schema schema = schemaOf(type, raw);
    DefaultValue defaultValue = element.getAnnotation(DefaultValue.class);
    if (defaultValue != null) {
      schema.setDefaultValue(
          schema.getType() == SchemaType.INTEGER
              ? (Object) Long.valueOf(defaultValue.value())
              : schema.getType() == SchemaType.BOOLEAN
                  ? (Object) Boolean.valueOf(defaultValue.value())
                  : defaultValue.value());
    }
    constrain(schema, element.getAnnotations(), raw);
    param.setSchema(schema);
  }

  private static void describeBody(
      Operation op, Class<?> resource, Method method, Set<Class<?>> records) {
    RequestBody body = op.getRequestBody();
    if (body == null) {
      return;
    }
    Parameter entity = entityParameter(method);
    // a record body may be left out only where the method takes its absence (a token request)
    body.setRequired(
        entity == null
            || !entity.getType().isRecord()
            || entity.isAnnotationPresent(NotNull.class));
    if (entity != null && entity.getType().isRecord()) {
      collect(entity.getType(), records);
      body.getContent().getMediaTypes().values().stream()
          .filter(m -> m.getSchema() != null && m.getSchema().getRef() != null)
          .forEach(m -> m.setSchema(ref(entity.getType())));
      // Payara keeps one of two methods that differ only in @Consumes (JSON and multipart import)
      String media = consumes(resource, method);
      if (body.getContent() != null && !body.getContent().hasMediaType(media)) {
        // the JSON form first: generated clients take the first media type as the method's body
        Content both =
            OASFactory.createContent()
                .addMediaType(media, OASFactory.createMediaType().schema(ref(entity.getType())));
        body.getContent().getMediaTypes().forEach(both::addMediaType);
        body.setContent(both);
      }
    }
  }

  private static Parameter entityParameter(Method method) {
    for (Parameter p : method.getParameters()) {
      boolean bound =
          Arrays.stream(p.getAnnotations())
              .anyMatch(
                  a ->
                      a instanceof PathParam
                          || a instanceof QueryParam
                          || a instanceof BeanParam
                          || a instanceof FormParam
                          || a instanceof HeaderParam
                          || a instanceof CookieParam
                          || a instanceof MatrixParam
                          || a instanceof Context);
      if (!bound) {
        return p;
      }
    }
    return null;
  }

  private static String consumes(Class<?> resource, Method method) {
    Consumes c = method.getAnnotation(Consumes.class);
    if (c == null) {
      c = resource.getAnnotation(Consumes.class);
    }
    return c == null ? MediaType.APPLICATION_JSON : c.value()[0];
  }

  private static void describeResponses(
      Operation op, Method method, String verb, boolean open, Set<Class<?>> records) {
    APIResponses responses = op.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      op.setResponses(responses);
    }
    APIResponse fallback = responses.getDefaultValue();
    responses.removeAPIResponse(APIResponses.DEFAULT);
    boolean declared =
        responses.getAPIResponses() != null
            && responses.getAPIResponses().keySet().stream().anyMatch(k -> k.startsWith("2"));
    if (!declared) {
      if (method.getReturnType() == void.class) {
        responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Done."));
      } else {
        APIResponse ok = OASFactory.createAPIResponse().description("OK.");
        if (fallback != null) {
          ok.setContent(fallback.getContent());
        }
        responses.addAPIResponse("200", ok);
        answers(ok, method.getGenericReturnType(), method.getReturnType(), records);
      }
    }
    // declared on the method: the scan inlines those classes; refer to their schemas instead
    for (org.eclipse.microprofile.openapi.annotations.responses.APIResponse declaredOn :
        method.getAnnotationsByType(
            org.eclipse.microprofile.openapi.annotations.responses.APIResponse.class)) {
      APIResponse response = responses.getAPIResponse(declaredOn.responseCode());
      for (var content : declaredOn.content()) {
        Class<?> type = content.schema().implementation();
        if (response != null && type != Void.class) {
          collect(type, records);
          Schema schema =
              content.schema().type()
                      == org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY
                  ? OASFactory.createSchema().type(SchemaType.ARRAY).items(ref(type))
                  : ref(type);
          response
              .getContent()
              .addMediaType(content.mediaType(), OASFactory.createMediaType().schema(schema));
        }
      }
    }
    boolean body = op.getRequestBody() != null;
    boolean params = op.getParameters() != null && !op.getParameters().isEmpty();
    boolean ids =
        params
            && op.getParameters().stream()
                .anyMatch(
                    p ->
                        p.getIn()
                            == org.eclipse.microprofile.openapi.models.parameters.Parameter.In
                                .PATH);
    if (body || params) {
      problem(
          responses,
          "400",
          "A value could not be read or breaks a rule; 'errors' names each field and why.");
    }
    if (!open) {
      problem(responses, "401", "No credentials, or a token that is unknown, expired or revoked.");
      problem(responses, "403", "The caller's roles or part in the case do not allow this.");
    }
    if (ids) {
      problem(responses, "404", "Nothing with this id (or a malformed id).");
    }
    if (!"GET".equals(verb)) {
      problem(
          responses,
          "409",
          "Somebody changed this in the meantime (send the version you read), it exists already"
              + " ('existing' links it), or its current state does not allow this step.");
    }
    if (body) {
      problem(responses, "413", "The body is too large.");
      problem(responses, "415", "The body is not in a media type this operation reads.");
    }
    // refusals declared on the method (422, 502) are problem details like all the others
    for (String status : List.copyOf(responses.getAPIResponses().keySet())) {
      APIResponse refusal = responses.getAPIResponse(status);
      if (status.matches("[45]\\d\\d")
          && (refusal.getContent() == null
              || refusal.getContent().getMediaTypes() == null
              || refusal.getContent().getMediaTypes().isEmpty())) {
        problem(responses, status, refusal.getDescription());
      }
    }
  }

  private static void problem(APIResponses responses, String status, String description) {
    APIResponse existing =
        responses.getAPIResponses() == null ? null : responses.getAPIResponses().get(status);
    APIResponse response =
        existing != null ? existing : OASFactory.createAPIResponse().description(description);
    response.setContent(
        OASFactory.createContent()
            .addMediaType(
                "application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    responses.addAPIResponse(status, response);
  }

  private static Schema problemSchema() {
    Schema field =
        OASFactory.createSchema()
            .type(SchemaType.OBJECT)
            .addProperty(
                "field",
                OASFactory.createSchema()
                    .type(SchemaType.STRING)
                    .description("The field or parameter as sent; 'body' for the body as a whole."))
            .addProperty("message", OASFactory.createSchema().type(SchemaType.STRING))
            .required(List.of("field", "message"));
    return OASFactory.createSchema()
        .type(SchemaType.OBJECT)
        .description("RFC 9457 problem details.")
        .addProperty("type", OASFactory.createSchema().type(SchemaType.STRING))
        .addProperty("title", OASFactory.createSchema().type(SchemaType.STRING))
        .addProperty("status", OASFactory.createSchema().type(SchemaType.INTEGER).format("int32"))
        .addProperty("detail", OASFactory.createSchema().type(SchemaType.STRING))
        .addProperty(
            "instance",
            OASFactory.createSchema()
                .type(SchemaType.STRING)
                .description("The request path, or for a defect the reference in the log."))
        .addProperty(
            "existing",
            OASFactory.createSchema()
                .type(SchemaType.STRING)
                .description("With 409 for a duplicate: the path of what exists already."))
        .addProperty("errors", OASFactory.createSchema().type(SchemaType.ARRAY).items(field))
        .required(List.of("type", "title", "status"));
  }

  // ---- schemas -------------------------------------------------------------------------------

  /** Request records and the records they nest, which become component schemas by simple name. */
  private static void collect(Class<?> type, Set<Class<?>> records) {
    if (!type.isRecord() || !records.add(type)) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      collect(c.getType(), records);
      if (c.getGenericType() instanceof ParameterizedType p) {
        for (Type arg : p.getActualTypeArguments()) {
          if (arg instanceof Class<?> k) {
            collect(k, records);
          }
        }
      }
    }
  }

  /** A record's schema: its components with their types, constraints and required fields. */
  private static Schema recordSchema(Class<?> record) {
    Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
    List<String> required = new ArrayList<>();
    for (RecordComponent c : record.getRecordComponents()) {
      Method accessor = c.getAccessor();
      Schema property = schemaOf(c.getGenericType(), c.getType());
      if (property.getRef() == null) {
        constrain(property, accessor.getAnnotations(), c.getType());
      }
      if (property.getType() == SchemaType.ARRAY
          && c.getAnnotatedType() instanceof AnnotatedParameterizedType list
          && list.getAnnotatedActualTypeArguments().length == 1) {
        AnnotatedType item = list.getAnnotatedActualTypeArguments()[0];
        if (property.getItems() != null
            && property.getItems().getRef() == null
            && item.getType() instanceof Class<?> k) {
          constrain(property.getItems(), item.getAnnotations(), k);
        }
      }
      if (isRequired(accessor)) {
        required.add(c.getName());
      }
      schema.addProperty(c.getName(), property);
    }
    return schema.required(required.isEmpty() ? null : required);
  }

  /** The success answer's content: the schema of what the method returns. */
  private static void answers(APIResponse ok, Type type, Class<?> raw, Set<Class<?>> records) {
    if (ok.getContent() == null || raw == jakarta.ws.rs.core.Response.class) {
      return;
    }
    collect(raw, records);
    if (type instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> k) {
      collect(k, records);
    }
    Schema schema = schemaOf(type, raw);
    for (var media : ok.getContent().getMediaTypes().values()) {
      media.setSchema(schema);
    }
  }

  private static Schema ref(Class<?> record) {
    return OASFactory.createSchema().ref("#/components/schemas/" + record.getSimpleName());
  }

  /**
   * Payara writes the defaults of every {@code @Schema} member into schemas that come from
   * annotations (minItems 2147483647, maxItems -2147483648, …), which no value can satisfy.
   */
  private static void tidy(OpenAPI doc) {
    for (PathItem item : doc.getPaths().getPathItems().values()) {
      for (Operation op : item.getOperations().values()) {
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
          op.getRequestBody()
              .getContent()
              .getMediaTypes()
              .values()
              .forEach(m -> tidy(m.getSchema()));
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
          for (APIResponse r : op.getResponses().getAPIResponses().values()) {
            if (r.getContent() != null) {
              r.getContent().getMediaTypes().values().forEach(m -> tidy(m.getSchema()));
            }
          }
        }
      }
    }
  }

  private static void tidy(Schema s) {
    if (s == null) {
      return;
    }
    if (s.getMaxLength() != null && s.getMaxLength() == Integer.MAX_VALUE) {
      s.setMaxLength(null);
    }
    if (s.getMinLength() != null && s.getMinLength() == 0) {
      s.setMinLength(null);
    }
    if (s.getMinItems() != null && s.getMinItems() == Integer.MAX_VALUE) {
      s.setMinItems(null);
    }
    if (s.getMaxItems() != null && s.getMaxItems() == Integer.MIN_VALUE) {
      s.setMaxItems(null);
    }
    if (s.getMultipleOf() != null && s.getMultipleOf().signum() == 0) {
      s.setMultipleOf(null);
    }
    if (s.getMaxProperties() != null && s.getMaxProperties() == 0) {
      s.setMaxProperties(null);
    }
    if (s.getMinProperties() != null && s.getMinProperties() == 0) {
      s.setMinProperties(null);
    }
    if (Boolean.FALSE.equals(s.getExclusiveMaximum())) {
      s.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(s.getExclusiveMinimum())) {
      s.setExclusiveMinimum(null);
    }
    if (Boolean.FALSE.equals(s.getUniqueItems())) {
      s.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(s.getNullable())) {
      s.setNullable(null);
    }
    if (Boolean.FALSE.equals(s.getReadOnly())) {
      s.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(s.getWriteOnly())) {
      s.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(s.getDeprecated())) {
      s.setDeprecated(null);
    }
    if (s.getType() != SchemaType.OBJECT) {
      s.setProperties(null);
    }
    if (s.getType() != SchemaType.ARRAY) {
      s.setItems(null);
    }
    if (s.getProperties() != null) {
      s.getProperties().values().forEach(ApiDocument::tidy);
    }
    tidy(s.getItems());
  }

  /** The schema of a Java type as JSON-B and {@link StrictParams} read it. */
  private static Schema schemaOf(Type type, Class<?> raw) {
    Schema s = OASFactory.createSchema();
    if (raw == long.class || raw == Long.class) {
      return s.type(SchemaType.INTEGER).format("int64");
    }
    if (raw == int.class || raw == Integer.class) {
      return s.type(SchemaType.INTEGER).format("int32");
    }
    if (raw == double.class || raw == Double.class) {
      return s.type(SchemaType.NUMBER).format("double");
    }
    if (raw == float.class || raw == Float.class) {
      return s.type(SchemaType.NUMBER).format("float");
    }
    if (Number.class.isAssignableFrom(raw)) {
      return s.type(SchemaType.NUMBER);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return s.type(SchemaType.BOOLEAN);
    }
    if (raw == LocalDate.class) {
      return s.type(SchemaType.STRING).format("date");
    }
    if (raw == Instant.class || raw == OffsetDateTime.class) {
      return s.type(SchemaType.STRING).format("date-time");
    }
    if (raw.isEnum()) {
      List<Object> names = new ArrayList<>();
      for (Object constant : raw.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
      return s.type(SchemaType.STRING).enumeration(names);
    }
    if (Collection.class.isAssignableFrom(raw)) {
      Schema items = OASFactory.createSchema().type(SchemaType.STRING);
      if (type instanceof ParameterizedType p
          && p.getActualTypeArguments()[0] instanceof Class<?> k) {
        items = schemaOf(k, k);
      }
      return s.type(SchemaType.ARRAY).items(items);
    }
    if (raw.isRecord()) {
      return ref(raw);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return s.type(SchemaType.OBJECT);
    }
    return s.type(SchemaType.STRING);
  }

  /** Required always, not only in a validation group (a version is required only to change). */
  private static boolean isRequired(AnnotatedElement element) {
    NotNull notNull = element.getAnnotation(NotNull.class);
    NotBlank notBlank = element.getAnnotation(NotBlank.class);
    NotEmpty notEmpty = element.getAnnotation(NotEmpty.class);
    return notNull != null && notNull.groups().length == 0
        || notBlank != null && notBlank.groups().length == 0
        || notEmpty != null && notEmpty.groups().length == 0;
  }

  /** Bean Validation constraints in the terms of JSON Schema. */
  private static void constrain(Schema s, Annotation[] annotations, Class<?> raw) {
    boolean many = Collection.class.isAssignableFrom(raw);
    for (Annotation a : annotations) {
      if (a instanceof Size size) {
        if (many) {
          s.setMinItems(size.min() > 0 ? size.min() : null);
          s.setMaxItems(size.max() < Integer.MAX_VALUE ? size.max() : null);
        } else {
          s.setMinLength(size.min() > 0 ? size.min() : null);
          s.setMaxLength(size.max() < Integer.MAX_VALUE ? size.max() : null);
        }
      } else if (a instanceof NotBlank) {
        s.setMinLength(1);
        s.setPattern("\\S");
      } else if (a instanceof NotEmpty) {
        if (many) {
          s.setMinItems(1);
        } else {
          s.setMinLength(1);
        }
      } else if (a instanceof Min min) {
        s.setMinimum(BigDecimal.valueOf(min.value()));
      } else if (a instanceof Max max) {
        s.setMaximum(BigDecimal.valueOf(max.value()));
      } else if (a instanceof Positive) {
        s.setMinimum(BigDecimal.ONE);
      } else if (a instanceof PositiveOrZero) {
        s.setMinimum(BigDecimal.ZERO);
      } else if (a instanceof Pattern pattern) {
        s.setPattern(pattern.regexp());
      } else if (a instanceof Email) {
        s.setFormat("email");
      }
    }
  }
}
