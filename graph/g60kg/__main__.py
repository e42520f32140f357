"""`python -m g60kg` runs the command line, like the `g60kg` script."""

from .cli import main

if __name__ == "__main__":
    main()
