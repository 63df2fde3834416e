"""core/wallet"""
