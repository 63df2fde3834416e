"""Recovery: unfinished operations, failed transactions, reconcile, restore from the seed."""
