## sheets
