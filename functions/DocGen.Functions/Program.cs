using DocGen.Functions;
using DocGen.Functions.Worker;
using DocGen.Core;

StartPhases.Mark("main");
// Under the Functions host: the isolated worker. Otherwise (dotnet run, docgen serve): the standalone server.
if (WorkerApp.StartedByHost(args, Environment.GetEnvironmentVariable))
    await WorkerApp.Build(args).RunAsync();
else
    await ServiceApp.Build(args).RunAsync();
