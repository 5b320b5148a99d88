using DocGen.Functions;

// Standalone or under the Functions host: the host sets FUNCTIONS_CUSTOMHANDLER_PORT.
var app = ServiceApp.Build(args);
await app.RunAsync();
