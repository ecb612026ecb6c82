#!/usr/bin/env python3
"""Tables of docs/results/compat.md's "Every valid outfit" section.

Reads the <tag>.eval.json files that compat_experiments.py wrote for one
setting and configuration (tags <prefix>_s<seed>) and prints, as Markdown:
overall AUC and FITB, per kind of outfit (separates, one-piece) and per
category pair, each as mean ± standard deviation over the seeds, beside the
untrained baseline (the raw encoder cosine, the same for every seed).
Standard library only.

  python3 outfit_tables.py /tmp/w2w/results garment_default
"""
import glob
import json
import statistics
import sys


def fmt(values):
    if len(values) == 1:
        return f'{values[0]:.3f}'
    return f'{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}'


def main():
    folder, prefix = sys.argv[1], sys.argv[2]
    runs = [json.load(open(path)) for path in sorted(glob.glob(f'{folder}/{prefix}_s*.eval.json'))]
    if not runs:
        sys.exit(f'no {prefix}_s*.eval.json in {folder}')
    base = runs[0]['baseline']
    print(f'{len(runs)} seeds; {runs[0]["outfits"]} held-out outfits\n')
    print('| | trained AUC | trained FITB | untrained AUC | untrained FITB |')
    print('|---|---|---|---|---|')
    print(f'| all outfits | {fmt([r["auc"] for r in runs])} | {fmt([r["fitb"] for r in runs])} '
          f'| {base["auc"]:.3f} | {base["fitb"]:.3f} |')
    for kind in ('separates', 'onepiece'):
        if kind not in runs[0].get('kinds', {}):
            continue
        k = [r['kinds'][kind] for r in runs]
        b = base['kinds'][kind]
        print(f'| {kind} ({k[0]["outfits"]}) | {fmt([x["auc"] for x in k])} | {fmt([x["fitb"] for x in k])} '
              f'| {b["auc"]:.3f} | {b["fitb"]:.3f} |')
    print('\n| pair | outfits | trained AUC | trained FITB | untrained AUC | untrained FITB |')
    print('|---|---|---|---|---|---|')
    pairs = sorted(runs[0]['pairs'], key=lambda p: -runs[0]['pairs'][p].get('outfits', 0))
    for pair in pairs:
        p = [r['pairs'][pair] for r in runs]
        b = base['pairs'][pair]
        print(f'| {pair.replace("_", "-")} | {p[0].get("outfits", "")} | {fmt([x["auc"] for x in p])} '
              f'| {fmt([x["fitb"] for x in p])} | {b["auc"]:.3f} | {b["fitb"]:.3f} |')


if __name__ == '__main__':
    main()
