"""core/ports"""
