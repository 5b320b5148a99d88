using System.Text.Json;
using DocGen.Core.Validation;

namespace DocGen.Core.Json;

/// <summary>
/// One pass over well-formed JSON before it is read: every string (values and property names) must be a
/// sequence of Unicode scalar values, so an escaped lone surrogate such as "\ud800" is a fault with its
/// pointer rather than an exception later; and an object may not name a property twice (the pointer is
/// that of the second), because "the last one wins" silently drops what the user wrote first.
/// </summary>
internal static class JsonTextCheck
{
    public const string LoneSurrogate = "INVALID_STRING";
    public const string DuplicateKey = "DUPLICATE_KEY";
    private const int MaxReported = 100;

    private sealed class Frame(string pointer, bool isArray)
    {
        public string Pointer { get; } = pointer;
        public bool IsArray { get; } = isArray;
        public int Index { get; set; }
        public string? Name { get; set; }
        public HashSet<string> Names { get; } = isArray ? [] : new HashSet<string>(StringComparer.Ordinal);
    }

    public static List<Finding> Check(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var errors = new List<Finding>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        var stack = new Stack<Frame>();
        while (errors.Count < MaxReported && reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                {
                    var frame = stack.Peek();
                    string? name = TryGetString(ref reader);
                    frame.Name = name ?? "";
                    if (name is null)
                        errors.Add(Finding.Error(LoneSurrogate, frame.Pointer, "字段名中有不成对的代理项（如\\ud800），不是有效的Unicode文本"));
                    else if (!frame.Names.Add(name))
                        errors.Add(Finding.Error(DuplicateKey, Pointer.Join(frame.Pointer, name), $"字段“{name}”重复出现，每个字段只能写一次"));
                    break;
                }
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    stack.Push(new Frame(ValuePointer(stack), reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                case JsonTokenType.String:
                {
                    string pointer = ValuePointer(stack);
                    if (TryGetString(ref reader) is null)
                        errors.Add(Finding.Error(LoneSurrogate, pointer, "文本中有不成对的代理项（如\\ud800），不是有效的Unicode文本"));
                    break;
                }
                default:
                    ValuePointer(stack);
                    break;
            }
        }
        return errors;
    }

    /// <summary>The pointer of the value starting now; in an array this also moves to the next index.</summary>
    private static string ValuePointer(Stack<Frame> stack)
    {
        if (stack.Count == 0) return "";
        var top = stack.Peek();
        return top.IsArray ? Pointer.Join(top.Pointer, top.Index++) : Pointer.Join(top.Pointer, top.Name ?? "");
    }

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return reader.GetString(); // valid UTF-8 (checked before) has no lone surrogates
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
