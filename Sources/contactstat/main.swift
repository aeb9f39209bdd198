// The contactstat command line: a thin layer over ContactAnalytics.
print("contactstat")
