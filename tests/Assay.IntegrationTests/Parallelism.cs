// These tests start real servers and measure them on a two-core machine: one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
