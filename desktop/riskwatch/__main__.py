import multiprocessing
import sys

from riskwatch.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen build's worker process must not re-run the command line
    sys.exit(main())
