#!/usr/bin/python3
"""Writes the TorchScript test fixture of mexa-core: a tiny Llama-shaped decoder in plain torch, traced twice
(hidden states as a tuple and as one stacked tensor), plus the same weights as a HuggingFace llama checkpoint
(config.json + model.safetensors) so that the native runtime computes the same hidden states.

Run from the repository root with Debian's torch (apt-get install python3-torch; 1.13 traces fine):

    /usr/bin/python3 mexa-core/src/test/python/make_torchscript_fixture.py

Output: mexa-core/src/test/resources/torchscript/{native,tuple,stacked}/, each with its tokenizer.json, and
last-only/: the same model traced to return only the last hidden state (a wrong export the runtime must reject).
Deterministic: the same torch version writes the same weights.
"""
import json
import math
import os
import struct
import sys

import torch

OUT = os.path.join("mexa-core", "src", "test", "resources", "torchscript")
WORDS = 30
VOCAB = ["<unk>", "<s>"] + ["w%d" % i for i in range(WORDS)]
CONFIG = {
    "model_type": "llama",
    "architectures": ["LlamaForCausalLM"],
    "vocab_size": len(VOCAB),
    "hidden_size": 32,
    "intermediate_size": 48,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "hidden_act": "silu",
    "rms_norm_eps": 1e-6,
    "rope_theta": 10000.0,
    "max_position_embeddings": 128,
    "tie_word_embeddings": True,
    "attention_bias": False,
    "torch_dtype": "float32",
}


class RmsNorm(torch.nn.Module):
    def __init__(self, size, eps):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.ones(size))
        self.eps = eps

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Layer(torch.nn.Module):
    def __init__(self, c):
        super().__init__()
        h, d = c["hidden_size"], c["hidden_size"] // c["num_attention_heads"]
        self.heads, self.kv_heads, self.head_dim = c["num_attention_heads"], c["num_key_value_heads"], d
        self.input_layernorm = RmsNorm(h, c["rms_norm_eps"])
        self.q_proj = torch.nn.Linear(h, self.heads * d, bias=False)
        self.k_proj = torch.nn.Linear(h, self.kv_heads * d, bias=False)
        self.v_proj = torch.nn.Linear(h, self.kv_heads * d, bias=False)
        self.o_proj = torch.nn.Linear(self.heads * d, h, bias=False)
        self.post_attention_layernorm = RmsNorm(h, c["rms_norm_eps"])
        self.gate_proj = torch.nn.Linear(h, c["intermediate_size"], bias=False)
        self.up_proj = torch.nn.Linear(h, c["intermediate_size"], bias=False)
        self.down_proj = torch.nn.Linear(c["intermediate_size"], h, bias=False)

    def split(self, x, heads):
        b, t, _ = x.shape
        return x.view(b, t, heads, self.head_dim).transpose(1, 2)

    def forward(self, x, cos, sin, bias):
        b, t, _ = x.shape
        normed = self.input_layernorm(x)
        q = self.split(self.q_proj(normed), self.heads)
        k = self.split(self.k_proj(normed), self.kv_heads)
        v = self.split(self.v_proj(normed), self.kv_heads)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        groups = self.heads // self.kv_heads
        k = k.repeat_interleave(groups, dim=1)
        v = v.repeat_interleave(groups, dim=1)
        scores = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(self.head_dim) + bias
        attended = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2).reshape(b, t, -1)
        x = x + self.o_proj(attended)
        normed = self.post_attention_layernorm(x)
        gate = self.gate_proj(normed)
        return x + self.down_proj(torch.nn.functional.silu(gate) * self.up_proj(normed))


class TinyLlama(torch.nn.Module):
    """Returns HF's output_hidden_states: embedding output, each layer's output, the last after the final norm."""

    def __init__(self, c, stacked):
        super().__init__()
        self.stacked = stacked
        self.last_only = False
        d = c["hidden_size"] // c["num_attention_heads"]
        self.embed_tokens = torch.nn.Embedding(c["vocab_size"], c["hidden_size"])
        self.layers = torch.nn.ModuleList([Layer(c) for _ in range(c["num_hidden_layers"])])
        self.norm = RmsNorm(c["hidden_size"], c["rms_norm_eps"])
        inv_freq = 1.0 / (c["rope_theta"] ** (torch.arange(0, d, 2, dtype=torch.int64).float() / d))
        self.register_buffer("inv_freq", inv_freq, persistent=False)

    def forward(self, input_ids, attention_mask):
        positions = torch.cumsum(torch.ones_like(input_ids), dim=1) - 1
        angles = positions[:, :, None].float() * self.inv_freq[None, None, :]
        angles = torch.cat((angles, angles), dim=-1)[:, None, :, :]
        cos, sin = angles.cos(), angles.sin()
        causal = positions[:, None, :] <= positions[:, :, None]
        allowed = causal & (attention_mask[:, None, :] > 0)
        bias = (~allowed).float()[:, None, :, :] * -1e9
        x = self.embed_tokens(input_ids)
        states = [x]
        for layer in self.layers:
            x = layer(x, cos, sin, bias)
            states.append(x)
        states[-1] = self.norm(x)
        if self.last_only:
            return states[-1]
        return torch.stack(states) if self.stacked else tuple(states)


def hf_names(model):
    """The module's weights under the names of LlamaForCausalLM (tied: no lm_head.weight)."""
    names = {"model.embed_tokens.weight": model.embed_tokens.weight, "model.norm.weight": model.norm.weight}
    for i, layer in enumerate(model.layers):
        p = "model.layers.%d." % i
        names[p + "input_layernorm.weight"] = layer.input_layernorm.weight
        names[p + "post_attention_layernorm.weight"] = layer.post_attention_layernorm.weight
        for part in ("q_proj", "k_proj", "v_proj", "o_proj"):
            names[p + "self_attn." + part + ".weight"] = getattr(layer, part).weight
        for part in ("gate_proj", "up_proj", "down_proj"):
            names[p + "mlp." + part + ".weight"] = getattr(layer, part).weight
    return names


def write_safetensors(path, tensors):
    header, data = {}, bytearray()
    for name, tensor in tensors.items():
        values = tensor.detach().contiguous().float().flatten().tolist()
        raw = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + bytes(data))


def tokenizer_json():
    special = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False,
                "special": True} for i, t in enumerate(VOCAB[:2])]
    template = {"type": "TemplateProcessing",
                "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
                "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                         {"Sequence": {"id": "B", "type_id": 1}}],
                "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}}
    return json.dumps({"version": "1.0", "truncation": None, "padding": None, "added_tokens": special,
                       "normalizer": None, "pre_tokenizer": {"type": "WhitespaceSplit"}, "post_processor": template,
                       "decoder": None, "model": {"type": "WordLevel", "vocab": {t: i for i, t in enumerate(VOCAB)},
                                                  "unk_token": "<unk>"}}, indent=1)


def main():
    torch.manual_seed(20261201)
    model = TinyLlama(CONFIG, stacked=False)
    with torch.no_grad():
        for name, weight in hf_names(model).items():
            if name.endswith("layernorm.weight") or name == "model.norm.weight":
                weight.copy_(1 + 0.2 * (2 * torch.rand_like(weight) - 1))
            elif name == "model.embed_tokens.weight":
                weight.copy_(torch.randn_like(weight))
            else:
                weight.copy_(0.4 * (2 * torch.rand_like(weight) - 1))
    model.eval()
    example_ids = torch.tensor([[1, 5, 9, 2, 7, 3], [1, 4, 8, 0, 0, 0]])
    example_mask = torch.tensor([[1, 1, 1, 1, 1, 1], [1, 1, 1, 0, 0, 0]])
    for folder in ("native", "tuple", "stacked", "last-only"):
        os.makedirs(os.path.join(OUT, folder), exist_ok=True)
        with open(os.path.join(OUT, folder, "tokenizer.json"), "w") as f:
            f.write(tokenizer_json())
    with open(os.path.join(OUT, "native", "config.json"), "w") as f:
        json.dump(CONFIG, f, indent=2)
    write_safetensors(os.path.join(OUT, "native", "model.safetensors"), hf_names(model))
    with torch.no_grad():
        for folder, stacked in (("tuple", False), ("stacked", True)):
            model.stacked = stacked
            traced = torch.jit.trace(model, (example_ids, example_mask))
            longer = torch.tensor([[1] + list(range(2, 2 + 10))])
            check = traced(longer, torch.ones_like(longer))
            eager = model(longer, torch.ones_like(longer))
            same = torch.equal(check, eager) if stacked else all(torch.equal(a, b) for a, b in zip(check, eager))
            if not same:
                sys.exit("the traced module does not follow the sequence length")
            traced.save(os.path.join(OUT, folder, "model.pt"))
        model.last_only = True
        torch.jit.trace(model, (example_ids, example_mask)).save(os.path.join(OUT, "last-only", "model.pt"))
    print("wrote", OUT, "with torch", torch.__version__)


if __name__ == "__main__":
    main()
