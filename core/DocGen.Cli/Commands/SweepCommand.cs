using System.CommandLine;
using DocGen.Storage;

namespace DocGen.Cli.Commands;

/// <summary>`docgen sweep [--data DIR]`: removes what interrupted saves left in a disk store; a complete report is never touched.</summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "磁盘存储目录（默认./data）" };
        var hours = new Option<double>("--older-than-hours") { Description = "只清理早于此时长的未完成写入（小时，默认1）", DefaultValueFactory = _ => 1 };
        var command = new Command("sweep", "清理被中断的写入留下的临时文件和没有清单的报告目录（不会触及完整的报告）") { data, hours };
        command.SetAction(parse =>
        {
            NativeBuild.Refuse("sweep");
            string root = parse.GetValue(data) ?? FileSystemBlobStore.DefaultRoot;
            if (!Directory.Exists(root)) throw new CliException("DATA_DIR_NOT_FOUND", $"存储目录“{root}”不存在");
            var repository = new ReportRepository(new FileSystemBlobStore(root));
            var swept = repository.SweepAsync(DateTimeOffset.UtcNow, TimeSpan.FromHours(parse.GetValue(hours))).GetAwaiter().GetResult();
            Console.WriteLine($"已清理：{swept.TemporaryFiles}个临时文件，{swept.Folders}个没有清单的报告目录（{swept.Files}个文件）");
            return ExitCodes.Ok;
        });
        return command;
    }
}
