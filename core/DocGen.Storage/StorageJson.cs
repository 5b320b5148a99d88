using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocGen.Storage;

/// <summary>The one JSON format of the files DocGen.Storage writes: camelCase, indented with '\n', Chinese kept readable.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n", // not Environment.NewLine: same bytes on every OS
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static byte[] Serialize<T>(T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        var result = new byte[bytes.Length + 1];
        bytes.CopyTo(result, 0);
        result[^1] = (byte)'\n';
        return result;
    }

    public static T Deserialize<T>(byte[] bytes, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options)
                ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new StorageException(StorageErrorCodes.IntegrityMismatch, $"存储的 JSON 文件已损坏：{path}", ex);
        }
    }
}
