using BenchmarkDotNet.Running;
using Fabrik.Executions.Benchmarks.Micro;

BenchmarkSwitcher.FromAssembly(typeof(EventPageBenchmarks).Assembly).Run(args);
