"""edXML packages (QCVN 102:2016/BTTTT, amended SĐ1:2022): the envelope in which agencies
exchange official documents electronically. :mod:`.package` holds what a package says,
:mod:`.build` writes one, :mod:`.read` reads and checks one against the schema shipped in
``schema/edxml.xsd``."""
