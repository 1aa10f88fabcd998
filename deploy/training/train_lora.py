#!/usr/bin/env python3
"""LoRA / QLoRA fine-tuning of a catalog SLM on a dataset the training service exported (Hugging Face chat JSONL).

Contract (tested by tests/Specialists.Kubernetes.UnitTests with --dry-run, which needs no GPU and no ML packages):
  inputs   --dataset FILE          chat JSONL: {"messages": [{"role", "content"|"tool_calls"}...], "tools": [...]?}
           --validation FILE       optional, same format
           --base-model HF_ID      a catalog model's Hugging Face id
           --method lora|qlora, --rank, --alpha, --dropout, --epochs, --learning-rate, --max-seq-length, --batch-size
  outputs  OUTPUT/adapter_config.json, OUTPUT/adapter_model.safetensors   (PEFT; vLLM --enable-lora loads the folder)
           OUTPUT/Modelfile                                             (Ollama: FROM <ollama tag> + ADAPTER .)
           OUTPUT/result.json                                           (plan, train/validation loss, seconds)
  exit     0 done, 2 bad arguments or dataset (the message says which line and why), 1 training failed
"""
import argparse
import json
import sys
import time
from pathlib import Path

ROLES = {"system", "developer", "user", "assistant", "tool"}
ADAPTER_FILES = ["adapter_config.json", "adapter_model.safetensors", "Modelfile", "result.json"]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dataset", required=True, type=Path)
    p.add_argument("--validation", type=Path)
    p.add_argument("--base-model", required=True)
    p.add_argument("--ollama-base", default="", help="Ollama tag of the base model, for the Modelfile")
    p.add_argument("--output", required=True, type=Path)
    p.add_argument("--method", choices=["lora", "qlora"], default="lora")
    p.add_argument("--rank", type=int, default=16)
    p.add_argument("--alpha", type=int, default=32)
    p.add_argument("--dropout", type=float, default=0.05)
    p.add_argument("--epochs", type=float, default=2.0)
    p.add_argument("--learning-rate", type=float, default=2e-4)
    p.add_argument("--max-seq-length", type=int, default=2048)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--dry-run", action="store_true", help="check the inputs and print the plan; train nothing")
    args = p.parse_args(argv)
    if args.rank < 1 or args.alpha < 1 or not 0 <= args.dropout < 1 or args.epochs <= 0 or args.learning_rate <= 0:
        p.error("rank and alpha must be ≥ 1, dropout in [0, 1), epochs and learning rate > 0")
    return args


def read_chat_jsonl(path):
    """Every line must be a conversation that ends with the assistant's answer (the teacher's)."""
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    examples = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{number}: not JSON ({e.msg})") from None
            messages = record.get("messages")
            if not isinstance(messages, list) or not messages:
                raise ValueError(f"{path}:{number}: 'messages' must be a non-empty list")
            for m in messages:
                if not isinstance(m, dict) or m.get("role") not in ROLES:
                    raise ValueError(f"{path}:{number}: every message needs a role in {sorted(ROLES)}")
            last = messages[-1]
            if last["role"] != "assistant" or not (last.get("content") or last.get("tool_calls")):
                raise ValueError(f"{path}:{number}: the last message must be the assistant's answer")
            if "tools" in record and not isinstance(record["tools"], list):
                raise ValueError(f"{path}:{number}: 'tools' must be a list")
            examples.append(record)
    if not examples:
        raise ValueError(f"{path}: no examples")
    return examples


def plan(args, train, validation):
    return {
        "base_model": args.base_model,
        "method": args.method,
        "examples": len(train),
        "validation_examples": len(validation),
        "with_tools": sum(1 for e in train if e.get("tools")),
        "lora": {"rank": args.rank, "alpha": args.alpha, "dropout": args.dropout},
        "epochs": args.epochs,
        "learning_rate": args.learning_rate,
        "max_seq_length": args.max_seq_length,
        "batch_size": args.batch_size,
        "output": str(args.output),
        "outputs": ADAPTER_FILES,
    }


def train(args, train_examples, validation_examples, the_plan):
    # Imported here so that --dry-run runs anywhere: these need the GPU image.
    import torch
    from datasets import Dataset
    from peft import LoraConfig
    from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig
    from trl import SFTConfig, SFTTrainer

    started = time.time()
    tokenizer = AutoTokenizer.from_pretrained(args.base_model)
    quantization = None
    if args.method == "qlora":
        quantization = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=torch.bfloat16)
    model = AutoModelForCausalLM.from_pretrained(args.base_model, torch_dtype=torch.bfloat16, quantization_config=quantization, device_map="auto")
    config = SFTConfig(
        output_dir=str(args.output / "checkpoints"),
        num_train_epochs=args.epochs,
        learning_rate=args.learning_rate,
        per_device_train_batch_size=args.batch_size,
        max_length=args.max_seq_length,
        bf16=True,
        logging_steps=10,
        save_strategy="epoch",
        eval_strategy="epoch" if validation_examples else "no",
        assistant_only_loss=True,
        report_to=[],
    )
    trainer = SFTTrainer(
        model=model,
        args=config,
        train_dataset=Dataset.from_list(train_examples),
        eval_dataset=Dataset.from_list(validation_examples) if validation_examples else None,
        processing_class=tokenizer,
        peft_config=LoraConfig(r=args.rank, lora_alpha=args.alpha, lora_dropout=args.dropout, target_modules="all-linear", task_type="CAUSAL_LM"),
    )
    result = trainer.train()
    trainer.model.save_pretrained(str(args.output))  # adapter_config.json + adapter_model.safetensors
    metrics = {"train_loss": result.training_loss}
    if validation_examples:
        metrics["validation_loss"] = trainer.evaluate()["eval_loss"]
    return {**the_plan, **metrics, "seconds": round(time.time() - started, 1)}


def main(argv):
    args = parse_args(argv)
    try:
        train_examples = read_chat_jsonl(args.dataset)
        validation_examples = read_chat_jsonl(args.validation) if args.validation else []
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    the_plan = plan(args, train_examples, validation_examples)
    if args.dry_run:
        print(json.dumps(the_plan, indent=2))
        return 0

    args.output.mkdir(parents=True, exist_ok=True)
    try:
        result = train(args, train_examples, validation_examples, the_plan)
    except Exception as e:  # the job's log and exit code are what the launcher sees
        print(f"error: training failed: {e}", file=sys.stderr)
        return 1
    base = args.ollama_base or args.base_model
    (args.output / "Modelfile").write_text(f"FROM {base}\nADAPTER .\n", encoding="utf-8")
    (args.output / "result.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
