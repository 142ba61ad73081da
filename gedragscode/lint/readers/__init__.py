"""lint/readers"""
