namespace DocGen.Cli.Commands; internal static class ImportCommand { public static System.CommandLine.Command Create() => new("import", "从网页复制的报告文本导入（待实现）"); }
