#!/usr/bin/env python3
"""Validates the German claim-pair set and prints its counts (pasted into docs/claim-pairs-guideline.md).

Usage: python3 docs/claim-pairs-check.py [path/to/claim-pairs-de.tsv]
"""
import collections
import sys

PATH = sys.argv[1] if len(sys.argv) > 1 else 'src/test/resources/org/claimdesk/claim/match/claim-pairs-de.tsv'
HEADER = ['id', 'event', 'split', 'label', 'phenomenon', 'a', 'b', 'source']
LABELS = ('same', 'related', 'unrelated')
SPLITS = ('dev', 'test')
MIN_WORDS, MAX_WORDS = 8, 50
LONG_WORDS = 28  # from here a side counts as a long agency sentence (section 'Long sentences (added)')

errors = []
rows = []
with open(PATH, encoding='utf-8') as fh:
    lines = fh.read().split('\n')
if lines[-1] == '':
    lines.pop()
if lines[0].split('\t') != HEADER:
    errors.append(f'header is {lines[0]!r}')
for no, line in enumerate(lines[1:], start=2):
    cols = line.split('\t')
    if len(cols) != 8:
        errors.append(f'line {no}: {len(cols)} columns')
        continue
    rows.append(dict(zip(HEADER, cols), line=no))

ids = collections.Counter(r['id'] for r in rows)
errors += [f'duplicate id {i}' for i, c in ids.items() if c > 1]
split_of_event = collections.defaultdict(set)
seen_pairs = {}
for r in rows:
    no = r['line']
    if r['label'] not in LABELS:
        errors.append(f'line {no}: label {r["label"]!r}')
    if r['split'] not in SPLITS:
        errors.append(f'line {no}: split {r["split"]!r}')
    if not r['phenomenon'] or not r['source'] or not r['event']:
        errors.append(f'line {no}: empty event, phenomenon or source')
    split_of_event[r['event']].add(r['split'])
    if r['a'] == r['b']:
        errors.append(f'line {no}: identical sentences')
    key = frozenset((r['a'], r['b']))
    if key in seen_pairs:
        errors.append(f'line {no}: same pair as line {seen_pairs[key]}')
    seen_pairs[key] = no
    for side in ('a', 'b'):
        n = len(r[side].split())
        if not MIN_WORDS <= n <= MAX_WORDS:
            errors.append(f'line {no}: side {side} has {n} words')
errors += [f'event {e} in splits {sorted(s)}' for e, s in split_of_event.items() if len(s) > 1]

def table(title, counter, row_keys, col_keys):
    print(f'\n{title}\n')
    print('| ' + ' | '.join([''] + list(col_keys) + ['total']) + ' |')
    print('|' + '---|' * (len(col_keys) + 2))
    for rk in row_keys:
        cells = [counter[(rk, ck)] for ck in col_keys]
        print('| ' + ' | '.join([rk] + [str(c) for c in cells] + [str(sum(cells))]) + ' |')
    totals = [sum(counter[(rk, ck)] for rk in row_keys) for ck in col_keys]
    print('| ' + ' | '.join(['total'] + [str(t) for t in totals] + [str(sum(totals))]) + ' |')

by_split = collections.Counter((r['label'], r['split']) for r in rows)
table('Pairs by label and split', by_split, LABELS, SPLITS)
events_by_split = collections.Counter(next(iter(s)) for s in split_of_event.values())
invented = {r['event'] for r in rows if r['source'] == 'invented'}
print(f'\nEvents: {len(split_of_event)} ({events_by_split["dev"]} dev, {events_by_split["test"]} test); '
      f'{len(invented)} invented, {len(split_of_event) - len(invented)} modelled on stored web pages')
tags = collections.Counter()
for r in rows:
    for t in r['phenomenon'].split('+'):
        tags[(t, r['label'])] += 1
tag_names = sorted({t for t, _ in tags}, key=lambda t: -sum(tags[(t, l)] for l in LABELS))
table('Phenomenon tags by label (a pair can carry several tags)', tags, tag_names, LABELS)
words = [len(r[s].split()) for r in rows for s in ('a', 'b')]
print(f'\nSentence length in words: min {min(words)}, median {sorted(words)[len(words) // 2]}, max {max(words)}')

def length_class(r):
    long_sides = sum(len(r[s].split()) >= LONG_WORDS for s in ('a', 'b'))
    return ('short-short', 'short-long', 'long-long')[long_sides]

LENGTH_CLASSES = ('short-short', 'short-long', 'long-long')
table(f'Pairs by label and side length (long = at least {LONG_WORDS} words)',
      collections.Counter((r['label'], length_class(r)) for r in rows), LABELS, LENGTH_CLASSES)
table('Pairs with a long side, by label and split',
      collections.Counter((r['label'], r['split']) for r in rows if length_class(r) != 'short-short'), LABELS, SPLITS)
long_words = [n for n in words if n >= LONG_WORDS]
if long_words:
    print(f'\nLong sides: {len(long_words)}, median {sorted(long_words)[len(long_words) // 2]} words, max {max(long_words)}')

if errors:
    print('\nERRORS:', *errors, sep='\n  ')
    sys.exit(1)
print('\nOK: no errors')
