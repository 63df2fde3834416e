"""core/recovery"""
