using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Generative;

/// <summary>A llama-architecture causal LM: token embedding, pre-norm blocks of RMSNorm → multi-head attention with
/// RoPE → RMSNorm → SwiGLU MLP, a final RMSNorm and an output projection (tied to the embedding or not). RoPE
/// rotates adjacent pairs (x[2i], x[2i+1]) as llama.cpp's LLAMA rope mode does, so weights export to GGUF without
/// the q/k permutation that Hugging Face checkpoints need. Parameter names follow GGUF tensor names.</summary>
internal sealed class TinyLlama : nn.Module<Tensor, Tensor>
{
    private readonly Embedding token_embd;
    private readonly ModuleList<Block> blk;
    private readonly RmsNorm output_norm;
    private readonly Linear? output;
    private readonly Tensor _cos;
    private readonly Tensor _sin;

    public TinyLlama(LlamaShape shape, double dropout, int seed = 1) : base(nameof(TinyLlama))
    {
        shape.Validate();
        Shape = shape;
        token_embd = nn.Embedding(shape.VocabularySize, shape.Dimension);
        blk = new ModuleList<Block>([.. Enumerable.Range(0, shape.Layers).Select(_ => new Block(shape, dropout))]);
        output_norm = new RmsNorm(shape.Dimension, shape.NormEpsilon);
        output = shape.TiedEmbeddings ? null : nn.Linear(shape.Dimension, shape.VocabularySize, hasBias: false);

        var half = shape.HeadDimension / 2;
        using var inverse = pow(shape.RopeBase, -arange(0, half, dtype: float32) * 2 / shape.HeadDimension);
        using var angles = outer(arange(0, shape.ContextLength, dtype: float32), inverse);
        _cos = angles.cos().DetachFromDisposeScope();
        _sin = angles.sin().DetachFromDisposeScope();

        RegisterComponents();
        Initialise(seed);
    }

    public LlamaShape Shape { get; }

    /// <summary>Hidden states after the final norm, [batch, time, dimension].</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var time = (int)tokens.shape[1];
        var cos = _cos[..time];
        var sin = _sin[..time];
        var x = token_embd.forward(tokens);
        foreach (var block in blk)
        {
            x = block.Forward(x, cos, sin);
        }

        return output_norm.forward(x).MoveToOuterDisposeScope();
    }

    /// <summary>Logits over the vocabulary for hidden states [..., dimension].</summary>
    public Tensor Logits(Tensor hidden) =>
        output is null ? matmul(hidden, token_embd.weight!.t()) : output.forward(hidden);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cos.Dispose();
            _sin.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Norm weights 1, everything else N(0, 0.02), drawn from a private seeded generator: torch's global
    /// generator is shared by every thread of the process, so two trainings at once would otherwise interleave their
    /// draws and stop being reproducible.</summary>
    private void Initialise(int seed)
    {
        var random = new Random(seed);
        using var noGrad = no_grad();
        foreach (var (name, p) in named_parameters())
        {
            var values = new float[p.numel()];
            if (name.EndsWith("norm.weight", StringComparison.Ordinal))
            {
                Array.Fill(values, 1f);
            }
            else
            {
                for (var i = 0; i < values.Length; i++)
                {
                    // Box–Muller.
                    var u = 1 - random.NextDouble();
                    values[i] = (float)(0.02 * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble()));
                }
            }

            using var source = tensor(values).reshape(p.shape);
            p.copy_(source);
        }
    }

    /// <summary>Rotates adjacent pairs of each head: (x0, x1) → (x0·cos − x1·sin, x0·sin + x1·cos).</summary>
    internal static Tensor Rope(Tensor x, Tensor cos, Tensor sin)
    {
        var shape = x.shape;
        var pairs = x.reshape(shape[0], shape[1], shape[2], shape[3] / 2, 2);
        var x0 = pairs.select(-1, 0);
        var x1 = pairs.select(-1, 1);
        return stack([x0 * cos - x1 * sin, x0 * sin + x1 * cos], -1).reshape(shape);
    }

    internal sealed class RmsNorm : nn.Module<Tensor, Tensor>
    {
        private readonly Parameter weight;
        private readonly float _epsilon;

        public RmsNorm(int dimension, float epsilon) : base(nameof(RmsNorm))
        {
            weight = nn.Parameter(ones(dimension));
            _epsilon = epsilon;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => x * rsqrt(x.pow(2).mean([-1], keepdim: true) + _epsilon) * weight;
    }

    internal sealed class Block : nn.Module<Tensor, Tensor>
    {
        private readonly RmsNorm attn_norm;
        private readonly Linear attn_q;
        private readonly Linear attn_k;
        private readonly Linear attn_v;
        private readonly Linear attn_output;
        private readonly RmsNorm ffn_norm;
        private readonly Linear ffn_gate;
        private readonly Linear ffn_up;
        private readonly Linear ffn_down;
        private readonly Dropout drop;
        private readonly int _heads;
        private readonly double _dropout;

        public Block(LlamaShape shape, double dropout) : base(nameof(Block))
        {
            var d = shape.Dimension;
            attn_norm = new RmsNorm(d, shape.NormEpsilon);
            attn_q = nn.Linear(d, d, hasBias: false);
            attn_k = nn.Linear(d, d, hasBias: false);
            attn_v = nn.Linear(d, d, hasBias: false);
            attn_output = nn.Linear(d, d, hasBias: false);
            ffn_norm = new RmsNorm(d, shape.NormEpsilon);
            ffn_gate = nn.Linear(d, shape.FeedForward, hasBias: false);
            ffn_up = nn.Linear(d, shape.FeedForward, hasBias: false);
            ffn_down = nn.Linear(shape.FeedForward, d, hasBias: false);
            drop = nn.Dropout(dropout);
            _heads = shape.Heads;
            _dropout = dropout;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => throw new NotSupportedException("Use Forward(x, cos, sin).");

        public Tensor Forward(Tensor x, Tensor cos, Tensor sin)
        {
            var batch = x.shape[0];
            var time = x.shape[1];
            var h = attn_norm.forward(x);
            var q = Rope(attn_q.forward(h).view(batch, time, _heads, -1).transpose(1, 2), cos, sin);
            var k = Rope(attn_k.forward(h).view(batch, time, _heads, -1).transpose(1, 2), cos, sin);
            var v = attn_v.forward(h).view(batch, time, _heads, -1).transpose(1, 2);
            var attention = nn.functional.scaled_dot_product_attention(q, k, v, null, training ? _dropout : 0, true);
            x = x + drop.forward(attn_output.forward(attention.transpose(1, 2).reshape(batch, time, -1)));
            h = ffn_norm.forward(x);
            return x + drop.forward(ffn_down.forward(nn.functional.silu(ffn_gate.forward(h)) * ffn_up.forward(h)));
        }
    }
}
