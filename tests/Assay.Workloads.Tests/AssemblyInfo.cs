// The functional tests drive real load at real servers and measure it: run them one at a time so they
// neither compete for the two cores nor disturb each other's timing. xUnit 2 also enforces test
// timeouts reliably only without parallelization.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
