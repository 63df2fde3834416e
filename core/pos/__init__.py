"""The merchant's point of sale, without Qt: checkout sessions over NUT-18 payment requests, the settlement
policy (swap into a trusted mint, melt to the merchant's Lightning backend), idempotency by the proofs'
secrets, receipts, refunds, shifts (Z-reports), webhooks and the cashier lock. ``core.api.pos`` is the facade.
"""
