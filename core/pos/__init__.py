"""core/pos"""
