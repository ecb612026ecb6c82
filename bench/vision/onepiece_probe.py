#!/usr/bin/python3
"""Can the garment parser's own features tell a one-piece outfit from separates?

A linear probe, recorded in docs/results/crops.md: the shipped parser (read
from its safetensors file and rebuilt here layer by layer) runs once over every
CCP photo, letterboxed whole and mirrored; a logistic regression over pooled
features then predicts "a one-piece garment is worn". It trains on the
pixel-annotated train part (ids 1-320, 321-400 held back to choose the
features and the weight penalty) plus the 696 tag-only photos, which the
parser itself could not use, and is scored once on the held-out part
(ids 401-600) against the records' `onepiece_outfit`, as the crop evaluation
scores the shipped rule.

  /usr/bin/python3 bench/vision/onepiece_probe.py ../shared/datasets/ccp \
      resources/models/garment_parser.safetensors

Needs Debian's python3-torch and python3-opencv; about two minutes on 2 cores.
"""
import json
import struct
import sys

import cv2
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_safetensors(path):
    raw = open(path, "rb").read()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    meta = header.pop("__metadata__", {})
    base = 8 + size
    tensors = {name: torch.from_numpy(np.frombuffer(raw[base + v["data_offsets"][0]:base + v["data_offsets"][1]],
                                                    dtype=np.float32).reshape(v["shape"]).copy())
               for name, v in header.items()}
    return tensors, meta


class ConvBlock(nn.Module):  # core/vision/parser_net.cpp's ConvBlock, same names
    def __init__(self, inputs, outputs):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(inputs, outputs, 3, padding=1, bias=False), nn.BatchNorm2d(outputs),
                                  nn.ReLU(), nn.Conv2d(outputs, outputs, 3, padding=1, bias=False),
                                  nn.BatchNorm2d(outputs), nn.ReLU())

    def forward(self, x):
        return self.body(x)


class ParserNet(nn.Module):  # returns the coarsest features, the first decoder level and the logits
    def __init__(self, channels, classes):
        super().__init__()
        self.down = nn.ModuleList(ConvBlock(i, o) for i, o in zip([3] + channels[:-1], channels))
        self.up = nn.ModuleList(ConvBlock(channels[i] + channels[i - 1], channels[i - 1])
                                for i in range(len(channels) - 1, 0, -1))
        self.head = nn.Conv2d(channels[0], classes, 1)

    def forward(self, x):
        skips = []
        for i, block in enumerate(self.down):
            x = block(F.max_pool2d(x, 2) if i else x)
            skips.append(x)
        deepest, decoded = x, []
        for j, block in enumerate(self.up):
            skip = skips[-2 - j]
            x = F.interpolate(x, size=skip.shape[2:], mode="bilinear", align_corners=False)
            x = block(torch.cat([x, skip], 1))
            decoded.append(x)
        return deepest, decoded[0], self.head(x)


def load_parser(path):
    weights, meta = read_safetensors(path)
    net = ParserNet([int(c) for c in meta["channels"].split(",")], int(meta["classes"]))
    state = net.state_dict()
    net.load_state_dict({k: weights.get(k, state[k]) for k in state})  # num_batches_tracked is not stored
    return net.eval(), int(meta["input_width"]), int(meta["input_height"])


def letterbox(rgb, width, height):
    h, w = rgb.shape[:2]
    scale = min(width / w, height / h)
    nw, nh = round(w * scale), round(h * scale)
    out = np.full((height, width, 3), 128, np.uint8)
    x0, y0 = (width - nw) // 2, (height - nh) // 2
    out[y0:y0 + nh, x0:x0 + nw] = cv2.resize(rgb, (nw, nh), interpolation=cv2.INTER_AREA)
    return out


def photo_features(data, records, net, width, height):
    """Per photo, for the photo and its mirror image: pooled deepest and decoder features and
    the label probabilities on a 12x8 grid."""
    rows = []
    with torch.no_grad():
        for r in records:
            rgb = np.ascontiguousarray(cv2.imread(f"{data}/{r['file']}")[:, :, ::-1])
            boxed = letterbox(rgb, width, height)
            x = torch.from_numpy(np.stack([boxed, boxed[:, ::-1].copy()])).permute(0, 3, 1, 2).float()
            deepest, decoded, logits = net((x / 255 - 0.5) / 0.25)  # normalizeInput
            grid = F.adaptive_avg_pool2d(torch.softmax(logits, 1), (12, 8)).flatten(1)
            rows.append(torch.cat([deepest.mean((2, 3)), deepest.amax((2, 3)), decoded.mean((2, 3)),
                                   decoded.amax((2, 3)), grid], 1))
    return torch.stack(rows)  # [photos, 2, features]


def fit_logistic(x, y, penalty):
    mean, std = x.mean(0), x.std(0) + 1e-4
    model = nn.Linear(x.shape[1], 1)
    optimizer = torch.optim.LBFGS(model.parameters(), max_iter=300, line_search_fn="strong_wolfe")

    def closure():
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model((x - mean) / std).squeeze(1), y)
        loss = loss + penalty * (model.weight ** 2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    return lambda z: torch.sigmoid(model((z - mean) / std).squeeze(1)).detach()


def main():
    data, model_path = sys.argv[1], sys.argv[2]
    torch.set_num_threads(2)
    torch.manual_seed(0)
    classes = json.load(open(f"{data}/classes.json"))["class_to_group"]
    records = [r for r in json.load(open(f"{data}/annotations.json"))
               if r["annotation"] != "missing" and not r["warnings"]]

    def wears_onepiece(r):  # the dataset's groups, with its bodysuit rule
        tags = set(r["tags"])
        return bool(tags & {"dress", "romper"}) or ("bodysuit" in tags and
                                                    "bottom" not in {classes[t] for t in tags})

    def part(r):
        if r["annotation"] == "image-level":
            return "train"
        number = int(r["id"])
        return "train" if number <= 320 else "choose" if number <= 400 else "held out"

    net, width, height = load_parser(model_path)
    features = photo_features(data, records, net, width, height)
    wears = torch.tensor([float(wears_onepiece(r)) for r in records])
    flag = torch.tensor([float(r["onepiece_outfit"]) for r in records])
    parts = [part(r) for r in records]
    columns = {"deepest": slice(0, 192), "decoder": slice(192, 320), "label grid": slice(320, None),
               "all": slice(0, None)}

    def score(train_parts, scored_part, column, penalty, threshold):
        train = [i for i, p in enumerate(parts) if p in train_parts]
        scored = [i for i, p in enumerate(parts) if p == scored_part]
        x = features[:, :, columns[column]]
        predict = fit_logistic(torch.cat([x[train, 0], x[train, 1]]), torch.cat([wears[train], wears[train]]),
                               penalty)
        probability = (predict(x[scored, 0]) + predict(x[scored, 1])) / 2
        accuracy = float(((probability > threshold).float() == flag[scored]).float().mean())
        return accuracy, float(1 - flag[scored].mean()), len(scored)

    print(f"{len(records)} photos; training on {parts.count('train')} "
          f"({sum(1 for p, r in zip(parts, records) if p == 'train' and r['annotation'] == 'image-level')} tag-only)")
    best = None
    for column in columns:
        for penalty in (1e-3, 1e-2, 1e-1):
            for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
                accuracy, always_no, count = score({"train"}, "choose", column, penalty, threshold)
                if best is None or accuracy > best[0]:
                    best = (accuracy, column, penalty, threshold, always_no, count)
    accuracy, column, penalty, threshold, always_no, count = best
    print(f"chosen on ids 321-400 ({count} photos): {column} features, penalty {penalty}, threshold {threshold}: "
          f"accuracy {accuracy:.3f} (always 'no': {always_no:.3f})")
    accuracy, always_no, count = score({"train", "choose"}, "held out", column, penalty, threshold)
    print(f"held out, ids 401-600 ({count} photos): accuracy {accuracy:.3f} (always 'no': {always_no:.3f})")


if __name__ == "__main__":
    main()
