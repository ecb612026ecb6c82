#!/usr/bin/python3
"""Writes photos_rgb.safetensors: the three golden photos decoded to RGB8.

w2w_clip does not decode images (the app does that with OpenCV, which decodes
these files identically to PIL, see tests/data/golden/README.md), so its tests
read the pixels from this file. Keys, all U8:
  <photo>           [H,W,3]  the decoded photo (PIL Image.open(...).convert("RGB"))
  <photo>_pil64     [64,64,3] PIL resize(BICUBIC) to shortest edge 64 + HF centre crop,
                    the uint8 image HF's CLIPImageProcessor normalises
Made with Debian bookworm's python3-pil 9.4.0:
  /usr/bin/python3 tests/data/clip/make_photo_fixture.py
"""
import json
import os
import struct

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
PHOTOS = os.path.join(HERE, "..", "golden", "photos")


def pil_crop(img, s):
    w, h = img.size
    short, long = (w, h) if w <= h else (h, w)
    new_long = int(s * long / short)
    size = (s, new_long) if w <= h else (new_long, s)
    r = img.resize(size, resample=Image.BICUBIC)
    top, left = (r.size[1] - s) // 2, (r.size[0] - s) // 2
    return r.crop((left, top, left + s, top + s))


def main():
    tensors = []
    for name in ("chelsea.png", "rocket.jpg", "coffee_portrait.png"):
        img = Image.open(os.path.join(PHOTOS, name)).convert("RGB")
        key = name.split(".")[0]
        tensors.append((key, [img.size[1], img.size[0], 3], img.tobytes()))
        crop = pil_crop(img, 64)
        tensors.append((key + "_pil64", [64, 64, 3], crop.tobytes()))
    header, offset = {"__metadata__": {"made_by": "tests/data/clip/make_photo_fixture.py"}}, 0
    for key, shape, data in tensors:
        header[key] = {"dtype": "U8", "shape": shape, "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(os.path.join(HERE, "photos_rgb.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for _, _, data in tensors:
            f.write(data)


if __name__ == "__main__":
    main()
