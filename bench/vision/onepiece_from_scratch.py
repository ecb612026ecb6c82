#!/usr/bin/python3
"""A one-piece classifier trained from scratch on whole CCP photos (recorded in
docs/results/crops.md): a five-level CNN at 128x192 on the pixel-annotated
train part (ids 1-400) plus the 696 tag-only photos, mirrored, shifted and
brightness-jittered, scored every 5 epochs against the records'
`onepiece_outfit`.

  /usr/bin/python3 bench/vision/onepiece_from_scratch.py SEED val EPOCHS
      val:   ids 321-400 held back and scored (choosing)
      final: trained on all of the train part, scored on ids 401-600

Reads ../shared/datasets/ccp; about 80 s an epoch on 2 cores. Needs Debian's
python3-torch and python3-opencv.
"""
import json, sys, time, random
import numpy as np, cv2, torch, torch.nn as nn, torch.nn.functional as F
torch.set_num_threads(2); torch.manual_seed(int(sys.argv[1]) if len(sys.argv) > 1 else 7); random.seed(7); np.random.seed(7)
import os
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/datasets/ccp/')
recs = json.load(open(root + 'annotations.json'))
cls = json.load(open(root + 'classes.json'))
g = cls['class_to_group']
def onepiece_present(r):
    groups = {g[t] for t in r['tags']}
    has = lambda c: c in r['tags']
    return has('dress') or has('romper') or (has('bodysuit') and 'bottom' not in groups)
H, W = 192, 128
def load(r):
    im = cv2.imread(root + r['file'])[:, :, ::-1]
    return cv2.resize(im, (W + 16, H + 24), interpolation=cv2.INTER_AREA)
def split(r):
    i = int(r['id'])
    if r['annotation'] == 'missing' or r['warnings']: return None
    if r['annotation'] == 'pixel': return 'train' if i <= 400 else 'held'
    return 'train'
data = {'train': [], 'held': []}
for r in recs:
    s = split(r)
    if s: data[s].append((load(r), float(onepiece_present(r)), float(r['onepiece_outfit']), r['id']))
VAL = sys.argv[2] if len(sys.argv) > 2 else 'val'  # 'val': hold ids 321-400 out of training; 'final': train on all
if VAL == 'val':
    val = [d for d in data['train'] if d[3] <= '0400' and d[3] >= '0321']
    train = [d for d in data['train'] if not (d[3] <= '0400' and d[3] >= '0321')]
else:
    val, train = data['held'], data['train']
print(len(train), 'train', sum(d[1] for d in train), 'pos;', len(val), 'eval', flush=True)
mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1) * 255; std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1) * 255
def batch(items, aug):
    out = []
    for im, *_ in items:
        if aug:
            y, x = random.randint(0, 24), random.randint(0, 16)
            c = im[y:y + H, x:x + W]
            if random.random() < 0.5: c = c[:, ::-1]
            c = c.astype(np.float32) * random.uniform(0.8, 1.2) + random.uniform(-20, 20)
        else:
            c = im[12:12 + H, 8:8 + W].astype(np.float32)
        out.append(np.ascontiguousarray(c))
    t = torch.from_numpy(np.stack(out)).permute(0, 3, 1, 2)
    return (t - mean) / std
def block(i, o): return nn.Sequential(nn.Conv2d(i, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(), nn.Conv2d(o, o, 3, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(2))
class Net(nn.Module):
    def __init__(s):
        super().__init__(); s.f = nn.Sequential(block(3, 24), block(24, 48), block(48, 64), block(64, 96), block(96, 128)); s.drop = nn.Dropout(0.3); s.fc = nn.Linear(256, 1)
    def forward(s, x):
        f = s.f(x); return s.fc(s.drop(torch.cat([f.mean((2, 3)), f.amax((2, 3))], 1))).squeeze(1)
net = Net(); epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 30; bs = 32
opt = torch.optim.AdamW(net.parameters(), 2e-3, weight_decay=5e-4)
steps = epochs * (len(train) // bs); sched = torch.optim.lr_scheduler.OneCycleLR(opt, 2e-3, total_steps=steps)
pos = sum(d[1] for d in train); pw = torch.tensor((len(train) - pos) / pos)
def evaluate():
    net.eval(); ps = []
    with torch.no_grad():
        for i in range(0, len(val), 64):
            b = batch(val[i:i + 64], False); ps.append(((torch.sigmoid(net(b)) + torch.sigmoid(net(b.flip(3)))) / 2))
    net.train(); p = torch.cat(ps).numpy(); y = np.array([d[2] for d in val])
    return {t: float(((p > t) == (y > 0.5)).mean()) for t in (0.3, 0.4, 0.5, 0.6, 0.7)}, float(1 - y.mean())
t0 = time.time()
for ep in range(epochs):
    random.shuffle(train); tot = 0
    for i in range(0, len(train) - bs + 1, bs):
        b = train[i:i + bs]; x = batch(b, True); y = torch.tensor([d[1] for d in b])
        loss = F.binary_cross_entropy_with_logits(net(x), y, pos_weight=pw ** 0.5)
        opt.zero_grad(); loss.backward(); opt.step(); sched.step(); tot += loss.item()
    if ep % 5 == 4 or ep == epochs - 1: print(ep + 1, round(tot / (len(train) // bs), 4), evaluate(), int(time.time() - t0), 's', flush=True)
