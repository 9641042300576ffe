"""The application: the CLI, input reading, reporters, corpus mode, verification and evaluation."""
