from lexcase.interfaces.start import main

main()
