using Fabrik.Executions.AwxEmulator.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAwxEmulator();

var app = builder.Build();
app.MapAwxEmulator();

await app.RunAsync();
