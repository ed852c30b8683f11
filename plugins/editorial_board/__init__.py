"""Editorial board: the board, three-step moderation on Wagtail workflows, deadlines in
working time, quotas, royalties, checks before submission, citizens' questions and periodic
review (R-ED-1 … R-ED-16).
"""
