from lexcase.cli import main

main()
