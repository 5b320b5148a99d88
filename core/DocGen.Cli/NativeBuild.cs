using System.Runtime.CompilerServices;

namespace DocGen.Cli;

/// <summary>
/// The native (Native AOT) build of `docgen` (`dotnet publish -p:PublishAot=true`): render, validate, import, schema,
/// template, sum and bench run there with the same bytes out, but the service and the store's manifests serialize their
/// types with System.Text.Json by reflection, which native code cannot do for every type (generic converters over value
/// types are missing). Those commands refuse to run there rather than fail half-way.
/// </summary>
internal static class NativeBuild
{
    public static bool Running => !RuntimeFeature.IsDynamicCodeSupported;

    public static void Refuse(string command)
    {
        if (Running)
            throw new CliException("NOT_IN_NATIVE_BUILD",
                $"原生（AOT）版本的docgen不能运行“{command}”：服务与存储的JSON需要运行时反射；请用dotnet run、ReadyToRun版本（dotnet publish默认）或发布的DocGen.Functions");
    }
}
