using Fabrik.Executions.SampleSubscriber;
using Microsoft.Extensions.Hosting;

await SampleSubscriberApplication.Create(args).RunAsync();
