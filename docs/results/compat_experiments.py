#!/usr/bin/env python3
"""Runs the experiments of docs/results/compat.md with the real `what2wear`.

For each crop setting and configuration, trains on the ccp train split with
seeds 1..5 and evaluates each checkpoint on the held-out test split (eval's
defaults: the checkpoint's crop settings, --split test, --seed 0, 5 rounds).
Writes <out>/<setting>_<config>_s<seed>.{train,eval}.json; runs that already
have an eval file are skipped. Standard library only.

  python3 compat_experiments.py --what2wear build/app/cli/what2wear \
      --dataset ccp:../shared/datasets/ccp --out /tmp/w2w/results \
      --settings garment,keep --configs seed,default
"""
import argparse
import json
import os
import subprocess

CONFIGS = {
    'default': [],
    'seed': ['--ensemble', '1'],  # shared head, InfoNCE + hinge at 0, no curriculum
    'seed_t03': ['--ensemble', '1', '--threshold', '0.3'],
    'no_modified': ['--ensemble', '1', '--modified-weight', '0'],
    'curriculum': ['--ensemble', '1', '--curriculum', '10'],
    'per_category': ['--ensemble', '1', '--head', 'per_category'],
    'pair_spaces': ['--ensemble', '1', '--head', 'pair_spaces'],
    'augment': ['--ensemble', '1', '--noise', '0.5', '--feature-dropout', '0.2'],
    'ensemble5_augment': ['--ensemble', '5', '--noise', '0.5', '--feature-dropout', '0.2'],
    'subset25': ['--subset', '0.25'],
    'subset50': ['--subset', '0.5'],
    'subset75': ['--subset', '0.75'],
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--what2wear', required=True)
    p.add_argument('--dataset', required=True)
    p.add_argument('--out', required=True)
    p.add_argument('--cache', default='')
    p.add_argument('--settings', default='garment,keep')
    p.add_argument('--configs', default=','.join(CONFIGS))
    p.add_argument('--seeds', default='1,2,3,4,5')
    p.add_argument('--boxes', default='gt', help='gt (the dataset\'s boxes) or auto (the app\'s crop pipeline)')
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    cache = ['--cache', a.cache] if a.cache else []
    for setting in a.settings.split(','):
        for name in a.configs.split(','):
            for seed in a.seeds.split(','):
                tag = f'{setting}_{name}_s{seed}' if a.boxes == 'gt' else f'{a.boxes}_{setting}_{name}_s{seed}'
                if os.path.exists(f'{a.out}/{tag}.eval.json'):
                    continue
                ckpt = f'{a.out}/ckpt/{tag}'
                train = [a.what2wear, 'train', '--dataset', a.dataset, '--boxes', a.boxes, '--background', setting, '--out', ckpt,
                         '--seed', seed, '--quiet', '--json'] + cache + CONFIGS[name]
                t = subprocess.run(train, capture_output=True, text=True, check=True)
                with open(f'{a.out}/{tag}.train.json', 'w') as f:
                    f.write(t.stdout)
                e = subprocess.run([a.what2wear, 'eval', '--checkpoint', ckpt, '--json'] + cache,
                                   capture_output=True, text=True, check=True)
                with open(f'{a.out}/{tag}.eval.json', 'w') as f:
                    f.write(e.stdout)
                r = json.loads(e.stdout)
                print(f"{tag} auc {r['auc']:.3f} fitb {r['fitb']:.3f} | baseline {r['baseline']['auc']:.3f} "
                      f"{r['baseline']['fitb']:.3f}", flush=True)


if __name__ == '__main__':
    main()
