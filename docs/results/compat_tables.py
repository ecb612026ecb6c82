#!/usr/bin/env python3
"""Tables of docs/results/compat.md from the files compat_experiments.py wrote.

  python3 compat_tables.py /tmp/w2w/results
"""
import collections
import glob
import json
import statistics
import sys


def mean_sd(values):
    return f'{statistics.mean(values):.3f} ± {statistics.pstdev(values):.3f}'


def main():
    root = sys.argv[1]
    runs = collections.defaultdict(list)
    for path in sorted(glob.glob(f'{root}/*.eval.json')):
        tag = path.split('/')[-1][:-len('.eval.json')]
        setting, rest = tag.split('_', 1)
        name, _ = rest.rsplit('_s', 1)
        with open(path) as f, open(path.replace('.eval.', '.train.')) as g:
            runs[(setting, name)].append((json.load(f), json.load(g)))
    for setting in ['garment', 'keep', 'person']:
        names = [n for (s, n) in runs if s == setting]
        if not names:
            continue
        first = runs[(setting, names[0])][0][0]
        b = first['baseline']
        print(f'\n### {setting} ({first["outfits"]} test outfits)\n')
        print('| configuration | runs | AUC | FITB | AUC top-bottom | AUC bottom-shoes | AUC top-shoes | best epoch |')
        print('|---|---|---|---|---|---|---|---|')
        pairs = ['top_bottom', 'bottom_shoes', 'top_shoes']
        print('| untrained baseline (raw cosine) | – | %.3f | %.3f | %s | – |' % (
            b['auc'], b['fitb'], ' | '.join(f"{b['pairs'][p]['auc']:.3f}" for p in pairs)))
        for name in names:
            rs = runs[(setting, name)]
            auc = [e['auc'] for e, _ in rs]
            fitb = [e['fitb'] for e, _ in rs]
            per_pair = ' | '.join(f"{statistics.mean(e['pairs'][p]['auc'] for e, _ in rs):.3f}" for p in pairs)
            epochs = [t['best_epoch'] for _, t in rs]
            print(f'| {name} | {len(rs)} | {mean_sd(auc)} | {mean_sd(fitb)} | {per_pair} | '
                  f'{min(epochs)}–{max(epochs)} |')


if __name__ == '__main__':
    main()
