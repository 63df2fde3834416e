"""core/storage"""
