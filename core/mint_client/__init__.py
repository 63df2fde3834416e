"""core/mint_client"""
