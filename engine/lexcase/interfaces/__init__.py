"""Interfaces: the command line and its terminal views."""
