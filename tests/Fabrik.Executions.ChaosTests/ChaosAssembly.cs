// The chaos suite restarts the shared RabbitMQ and Redis: deploy/local/test.sh runs it alone, after everything else.
[assembly: Category("Chaos")]
[assembly: NonParallelizable]
