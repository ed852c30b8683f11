"""Internal notices of an agency (R-EO-11, R-EO-13; seed 004 Đ7.2–7.4, Đ7.6–7.8): the
announcements of those allowed to make them, kept one quarter and extendable on request;
internal messages between the staff of one agency with read receipts; the party cell's,
trade union's and youth union's boards, written by their committees. Works with the core
alone: nothing of the documents part of the e-office is imported."""
