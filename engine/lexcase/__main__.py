from lexcase.interfaces.cli import main

main()
