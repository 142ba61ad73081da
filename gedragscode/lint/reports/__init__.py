"""lint/reports"""
