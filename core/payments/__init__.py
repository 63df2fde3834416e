"""core/payments"""
