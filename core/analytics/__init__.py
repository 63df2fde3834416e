"""core/analytics"""
