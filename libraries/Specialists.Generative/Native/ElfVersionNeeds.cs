using System.Buffers.Binary;
using System.Text;

namespace SlmPlatform.Specialists.Generative.Native;

/// <summary>Reads and edits the symbol-version tables of a 64-bit little-endian ELF shared object: the versions it
/// needs from each library (<c>.gnu.version_r</c>), the versions a library defines (<c>.gnu.version_d</c>), and
/// which needed versions some relocation actually binds to. Only what the libtorch fix needs; see
/// docs/adr/0007-tiny-generative-specialists.md.</summary>
internal sealed class ElfVersionNeeds
{
    private const uint ShtRela = 4;
    private const uint ShtRel = 9;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlagWeak = 0x2;

    private readonly byte[] _image;
    private readonly List<Section> _sections = [];

    private ElfVersionNeeds(byte[] image)
    {
        _image = image;
        if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
        {
            throw new InvalidDataException("Not an ELF file.");
        }

        if (image[4] != 2 || image[5] != 1)
        {
            throw new InvalidDataException("Only 64-bit little-endian ELF files are supported.");
        }

        var shoff = (int)U64(0x28);
        var shentsize = U16(0x3A);
        var shnum = U16(0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var at = shoff + (i * shentsize);
            _sections.Add(new Section(U32(at + 4), (int)U64(at + 0x18), (int)U64(at + 0x20), (int)U32(at + 0x28), U32(at + 0x2C), (int)U64(at + 0x38)));
        }
    }

    /// <summary>One needed version: the library that must define it, its name, whether it is already weak, where its
    /// flags live in the file, and its index in <c>.gnu.version</c>.</summary>
    internal sealed record Need(string Library, string Version, bool Weak, int FlagsOffset, int Index);

    public static ElfVersionNeeds Read(string path) => new(File.ReadAllBytes(path));

    public byte[] Image => _image;

    /// <summary>Every entry of <c>.gnu.version_r</c>.</summary>
    public IReadOnlyList<Need> Needs()
    {
        var needs = new List<Need>();
        foreach (var section in _sections.Where(s => s.Type == ShtGnuVerneed))
        {
            var strtab = _sections[section.Link];
            var at = section.Offset;
            for (var i = 0; i < section.Info; i++)
            {
                var count = U16(at + 2);
                var file = String(strtab, U32(at + 4));
                var aux = at + (int)U32(at + 8);
                for (var j = 0; j < count; j++)
                {
                    var flags = U16(aux + 4);
                    needs.Add(new Need(file, String(strtab, U32(aux + 8)), (flags & VerFlagWeak) != 0, aux + 4, U16(aux + 6) & 0x7fff));
                    aux += (int)U32(aux + 12);
                }

                at += (int)U32(at + 12);
            }
        }

        return needs;
    }

    /// <summary>Every version name in <c>.gnu.version_d</c> (what a library such as libstdc++ provides).</summary>
    public IReadOnlySet<string> DefinedVersions()
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in _sections.Where(s => s.Type == ShtGnuVerdef))
        {
            var strtab = _sections[section.Link];
            var at = section.Offset;
            for (var i = 0; i < section.Info; i++)
            {
                var aux = at + (int)U32(at + 12);
                defined.Add(String(strtab, U32(aux)));
                at += (int)U32(at + 16);
            }
        }

        return defined;
    }

    /// <summary>The version indices that some dynamic relocation binds a symbol to. A needed version that no
    /// relocation uses is only a link-time marker (libstdc++ 13's <c>std::ios_base_library_init</c> is one).</summary>
    public IReadOnlySet<int> VersionsBoundByRelocations()
    {
        var bound = new HashSet<int>();
        var versym = _sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        if (versym is null)
        {
            return bound;
        }

        foreach (var section in _sections.Where(s => s.Type is ShtRela or ShtRel))
        {
            var entry = section.EntrySize > 0 ? section.EntrySize : (section.Type == ShtRela ? 24 : 16);
            for (var at = section.Offset; at + entry <= section.Offset + section.Size; at += entry)
            {
                var symbol = (int)(U64(at + 8) >> 32);
                if (symbol != 0 && versym.Offset + (symbol * 2) + 2 <= _image.Length)
                {
                    bound.Add(U16(versym.Offset + (symbol * 2)) & 0x7fff);
                }
            }
        }

        return bound;
    }

    /// <summary>Marks a needed version weak: the dynamic loader then no longer refuses the file when the library
    /// lacks that version (glibc's dl-version.c treats a missing weak version as non-fatal).</summary>
    public void MarkWeak(Need need) =>
        BinaryPrimitives.WriteUInt16LittleEndian(_image.AsSpan(need.FlagsOffset), (ushort)(U16(need.FlagsOffset) | VerFlagWeak));

    private string String(Section strtab, uint offset)
    {
        var start = strtab.Offset + (int)offset;
        var end = Array.IndexOf(_image, (byte)0, start);
        return Encoding.ASCII.GetString(_image, start, end - start);
    }

    private ushort U16(int at) => BinaryPrimitives.ReadUInt16LittleEndian(_image.AsSpan(at));

    private uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(_image.AsSpan(at));

    private ulong U64(int at) => BinaryPrimitives.ReadUInt64LittleEndian(_image.AsSpan(at));

    private sealed record Section(uint Type, int Offset, int Size, int Link, uint Info, int EntrySize);
}
