"""The Analytics view: balances over time, flows, sales, fees, exposure and failures, with exports."""
