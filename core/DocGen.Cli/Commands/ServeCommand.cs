using System.CommandLine;
using DocGen.Functions;
using Microsoft.Extensions.Hosting;

namespace DocGen.Cli.Commands;

/// <summary>`docgen serve`: the standalone server, the same handlers as the Azure Functions worker, on Kestrel, with a watcher of incoming/.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = $"端口（默认取设置{ServiceSettings.Port}，否则{ServiceSettings.DefaultPort}）" };
        var data = new Option<string?>("--data") { Description = "磁盘存储目录（默认./data）" };
        var command = new Command("serve", "启动HTTP服务（与Azure Functions上的服务相同；并处理放入incoming/的报告）") { port, data };
        command.SetAction(async (parse, ct) =>
        {
            NativeBuild.Refuse("serve");
            var args = new List<string>();
            if (parse.GetValue(port) is { } p) args.Add($"--{ServiceSettings.Port}={p}");
            if (parse.GetValue(data) is { } d) args.Add($"--{DocGen.Storage.StorageSettings.Root}={d}");
            var app = ServiceApp.Build([.. args]);
            await app.StartAsync(ct);
            Console.WriteLine($"DocGen服务已启动：{string.Join(", ", app.Urls)}（Ctrl+C停止）");
            if (app.Urls.FirstOrDefault() is { } url) Console.WriteLine($"填报页面：{url.TrimEnd('/')}/");
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
