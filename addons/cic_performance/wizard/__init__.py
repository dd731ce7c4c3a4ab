from . import cic_kpi_export
